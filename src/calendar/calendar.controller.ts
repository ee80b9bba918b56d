import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators.js';
import { CalendarDatePipe } from './calendar-date.pipe.js';
import { CalendarYearQuery, SetCalendarDayDto } from './calendar.dto.js';
import { CalendarService } from './calendar.service.js';

@ApiTags('calendar (工作日历)')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly service: CalendarService) {}

  /** Holidays, make-up workdays and the office's additions of a year. */
  @Allow('office', 'unit', 'leader')
  @Get()
  year(@Query() query: CalendarYearQuery) {
    return this.service.year(query.year);
  }

  @Allow('office')
  @Put('days/:date')
  setDay(@Param('date', CalendarDatePipe) date: string, @Body() dto: SetCalendarDayDto) {
    return this.service.setDay(date, dto.kind, dto.name);
  }

  @Allow('office')
  @Delete('days/:date')
  @HttpCode(204)
  removeDay(@Param('date', CalendarDatePipe) date: string) {
    return this.service.removeDay(date);
  }
}
