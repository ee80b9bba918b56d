import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findOneOrThrow } from '../database/find-or-throw.js';
import { parseDeadlines } from './deadline-parser.js';
import type { OverrideMilestoneDto, ParseDeadlinesDto } from './deadline.dto.js';
import { Milestone } from './milestone.entity.js';
import type { MilestoneReading } from './milestone-reading.js';

@Injectable()
export class DeadlinesService {
  constructor(private readonly dataSource: DataSource) {}

  parse(dto: ParseDeadlinesDto): { milestones: MilestoneReading[] } {
    return { milestones: parseDeadlines(dto.text, { reference: dto.reference }) };
  }

  /** The office's reading replaces the parser's: the date is now certain, the phrase as written is kept. */
  async override(planId: number, id: number, dto: OverrideMilestoneDto): Promise<Milestone> {
    const repo = this.dataSource.getRepository(Milestone);
    const milestone = await findOneOrThrow(repo, '节点', { id, planId });
    if (dto.dueDate !== undefined) milestone.dueDate = dto.dueDate;
    milestone.certain = true;
    milestone.note = dto.note ?? '时限已由无废办确认';
    return repo.save(milestone);
  }
}
