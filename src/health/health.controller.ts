import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators.js';
import { ReportsAheadService } from '../reports/reports-ahead.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reportsAhead: ReportsAheadService,
  ) {}

  /** 200 when the database answers and no migration is pending; with how many plans' reports of today are worked out ahead. */
  @Get()
  async check() {
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      if (pending) throw new Error('migrations pending');
    } catch (error) {
      throw new ServiceUnavailableException(`数据库不可用：${(error as Error).message}`);
    }
    return { status: 'ok', database: this.dataSource.options.type, reportsAhead: this.reportsAhead.status() };
  }
}
