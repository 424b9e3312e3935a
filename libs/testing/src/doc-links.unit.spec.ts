import { createRequire } from 'node:module';

interface Found {
  line: number;
  target?: string;
  resolved?: string;
  reference?: string;
}
const docLinks = createRequire(__filename)('./doc-links.cjs') as {
  OUTSIDE_REFERENCES: string[];
  outsideReferences(text: string): Found[];
  markdownLinks(markdown: string): Found[];
  linkedPath(fromFile: string, target: string): string | null;
  brokenLinks(file: string, markdown: string, exists: (p: string) => boolean): Found[];
  isMarkdown(file: string): boolean;
};

const outsideDocs = ['..', 'shared', 'domain.md'].join('/');
const outsideFolder = ['', 'work', 'shared', 'seeds'].join('/');

describe('outsideReferences', () => {
  it('names each line that points outside the repository, and nothing else', () => {
    const text = ['# Design', `The domain: \`${outsideDocs}\`.`, 'The sharedGlobals of nx.json stay.', `See ${outsideFolder}/002.txt`].join(
      '\n',
    );
    expect(docLinks.outsideReferences(text)).toEqual([
      { line: 2, reference: docLinks.OUTSIDE_REFERENCES[0] },
      { line: 4, reference: docLinks.OUTSIDE_REFERENCES[1] },
    ]);
  });
});

describe('markdownLinks', () => {
  it('finds inline links, images and reference definitions, with their lines', () => {
    const md = ['See [the ADR](docs/adr/0001-x.md) and ![a diagram](<docs/a b.png> "title").', '', '[ref]: docs/domain.md#sources'].join(
      '\n',
    );
    expect(docLinks.markdownLinks(md)).toEqual([
      { line: 1, target: 'docs/adr/0001-x.md' },
      { line: 1, target: 'docs/a b.png' },
      { line: 3, target: 'docs/domain.md#sources' },
    ]);
  });

  it('skips what is code: fenced blocks and inline spans', () => {
    const md = ['```ts', 'const a = [x](y);', '```', 'Call `f[0](z)` then [read](README.md).', '~~~', '[no](nowhere.md)', '~~~'].join('\n');
    expect(docLinks.markdownLinks(md)).toEqual([{ line: 4, target: 'README.md' }]);
  });
});

describe('linkedPath', () => {
  it('resolves a relative target from the linking file, without fragment or query', () => {
    expect(docLinks.linkedPath('docs/adr/0031-x.md', '../architecture.md#the-rules')).toBe('docs/architecture.md');
    expect(docLinks.linkedPath('README.md', 'apps/console/README.md?plain=1')).toBe('apps/console/README.md');
    expect(docLinks.linkedPath('docs/domain.md', 'sources/002%20plan.txt')).toBe('docs/sources/002 plan.txt');
    expect(docLinks.linkedPath('docs/domain.md', '/libs/platform/')).toBe('libs/platform');
  });

  it('leaves alone what is not a file of the repository', () => {
    for (const target of ['https://www.rfc-editor.org/rfc/rfc9457', 'mailto:dpo@example.org', '#tests', '//cdn.example/x']) {
      expect(docLinks.linkedPath('README.md', target)).toBeNull();
    }
  });
});

describe('brokenLinks', () => {
  // A file outside the repository may exist on the machine: a link to it is broken all the same.
  const files = new Set(['README.md', 'docs/architecture.md', 'docs/adr', 'docs/adr/0031-x.md', '../elsewhere/architecture.md']);
  const exists = (p: string) => files.has(p);

  it('reports links to missing files and links that climb out of the repository', () => {
    const md = ['[ok](../architecture.md) [folder](../adr/) [gone](0099-missing.md)', '[outside](../../../elsewhere/architecture.md)'].join(
      '\n',
    );
    expect(docLinks.brokenLinks('docs/adr/0031-x.md', md, exists)).toEqual([
      { line: 1, target: '0099-missing.md', resolved: 'docs/adr/0099-missing.md' },
      { line: 2, target: '../../../elsewhere/architecture.md', resolved: '../elsewhere/architecture.md' },
    ]);
  });

  it('passes a document whose links all resolve', () => {
    expect(docLinks.brokenLinks('README.md', 'Design: [architecture](docs/architecture.md), [decisions](docs/adr/).', exists)).toEqual([]);
  });
});

describe('isMarkdown', () => {
  it('holds every Markdown file to the link rule, and no other file', () => {
    expect(
      ['README.md', 'docs/domain.md', 'docs/adr/0001-x.md', 'apps/console/README.md', 'docs/sources/002.txt', 'scripts/test.mjs'].map(
        docLinks.isMarkdown,
      ),
    ).toEqual([true, true, true, true, false, false]);
  });
});
