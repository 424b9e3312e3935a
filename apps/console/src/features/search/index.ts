// The search feature's public face for the app layer (the shell's search box); its screen is routes/search.
export { searchServicesFor } from './access';
export { SearchBox, useSearchHotkey } from './components/search-box';
