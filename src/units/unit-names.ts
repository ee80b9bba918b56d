import type { Unit } from './unit.entity.js';

/** Finds units by the names tables use: the canonical name or any alias. */
export class UnitNames {
  private readonly byName = new Map<string, Unit>();

  constructor(units: Unit[]) {
    for (const unit of units) {
      this.byName.set(unit.name, unit);
      for (const alias of unit.aliases) if (!this.byName.has(alias)) this.byName.set(alias, unit);
    }
  }

  find(name: string): Unit | undefined {
    return this.byName.get(name.trim());
  }

  /** The units for the names, and the names that match none. */
  resolve(names: string[]): { units: Unit[]; unknown: string[] } {
    const units: Unit[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const unit = this.find(name);
      if (!unit) unknown.push(name);
      else if (!units.includes(unit)) units.push(unit);
    }
    return { units, unknown };
  }
}
