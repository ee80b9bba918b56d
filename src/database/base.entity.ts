import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Every table has an id, when its row was created and last changed, and a version that grows with each save. */
export abstract class BaseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  /** Optimistic lock: a save that names an older version is refused with 409. */
  @VersionColumn({ default: 1 })
  version: number;
}
