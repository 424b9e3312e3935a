// lint-as: services/evidence/src/commands/items/items.http.ts
// expect: clean
import { Controller, Post } from '@nestjs/common';
import { itemView } from '../../read-model/items/item.view';
import { EvidenceAccess } from '../../evidence.access';
import { ItemCategory } from '../../domain/item.events';

@Controller('items')
export class ItemsWrittenInTheRightPlace {
  constructor(private readonly access: EvidenceAccess) {}

  @Post()
  register(category: ItemCategory): unknown {
    return [this.access, itemView, category];
  }
}
