import { Column, Entity, Index } from 'typeorm';
import { PlanItemEntity } from '../database/plan-item.entity.js';

/** A unit has signed for (签收) an item it leads or supports: once, with the day and the user who signed. */
@Entity('item_signatures')
@Index(['itemType', 'itemId', 'unitId'], { unique: true })
@Index(['planId', 'unitId'])
export class ItemSignature extends PlanItemEntity {
  @Column({ type: 'integer' })
  unitId: number;

  @Column({ type: 'integer' })
  signedById: number;

  @Column({ type: 'date' })
  signedDate: string;
}
