import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, SearchRateLimit } from '@police/security';
import { FoundObjectCategory } from '../../domain/found-object.events';
import { Disposition, ItemCategory } from '../../domain/item.events';
import { EVIDENCE_CONFIG, EvidenceConfig, NamedParty } from '../../evidence.config';

interface EvidenceReference {
  /** Storage rooms the evidence desk acts for (an offer "to the storage room" names one). */
  storageRooms: NamedParty[];
  /** Laboratories a lab liaison acts for (a lab submission goes to one). */
  laboratories: NamedParty[];
  /** How many witnesses a disposal needs, per disposition and item category (a category left out needs none). */
  witnessRules: { disposition: Disposition; category: ItemCategory; witnesses: number }[];
  /** Days a found object is held before it may be handed to an organisation or destroyed, per category. */
  holdingPeriods: { category: FoundObjectCategory; days: number }[];
}

/** The zone's evidence configuration the console's forms need, instead of copying it. */
@ApiTags('reference')
@Controller()
export class EvidenceReferenceController {
  constructor(@Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig) {}

  @Get('reference')
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison', 'front_desk', 'chief')
  // Configuration, not records; rate-limited like every collection route (the console asks once a session).
  @SearchRateLimit()
  @ApiOperation({ summary: "The zone's storage rooms, laboratories, disposal witness rules and found objects' holding periods" })
  reference(): EvidenceReference {
    return {
      storageRooms: this.config.storageRooms.map(({ id, name }) => ({ id, name })),
      laboratories: this.config.laboratories.map(({ id, name }) => ({ id, name })),
      witnessRules: Object.entries(this.config.witnessRules).flatMap(([disposition, byCategory]) =>
        Object.entries(byCategory).map(([category, witnesses]) => ({
          disposition: disposition as Disposition,
          category: category as ItemCategory,
          witnesses: witnesses ?? 0,
        })),
      ),
      holdingPeriods: Object.entries(this.config.holdingPeriods).map(([category, days]) => ({
        category: category as FoundObjectCategory,
        days,
      })),
    };
  }
}
