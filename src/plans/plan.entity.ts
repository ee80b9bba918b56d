import type { StandingAssignment } from './standing-assignments.js';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity.js';

/** One programme of one region and period (方案 / 规划). */
@Entity('plans')
export class Plan extends BaseEntity {
  /** Stable short name of a seed plan ("jiangjin"); null for plans made through the API. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  key: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  region: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'integer', nullable: true })
  baseYear: number | null;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timeZone: string;

  /** Where the lists come from (document title), free text. */
  @Column({ type: 'text', nullable: true })
  source: string | null;

  /** How the seed was read where its document is ambiguous or states a standing arrangement (Chinese, one note a line). */
  @Column({ type: 'simple-json', nullable: true })
  notes: string[] | null;

  /** Standing arrangements: units that hold every item of a list in a role though no row names them. */
  @Column({ type: 'simple-json', nullable: true })
  standingAssignments: StandingAssignment[] | null;

  /** The office has published the four lists read-only, without a token (never progress or evidence). */
  @Column({ type: 'boolean', default: false })
  published: boolean;
}
