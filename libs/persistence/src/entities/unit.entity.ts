import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('units')
@Unique('uq_units_government_code', ['governmentId', 'code'])
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'government_id', type: 'uuid' })
  governmentId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** The head of the unit (Kepala OPD) that escalations reach. */
  @Column({ name: 'head_user_id', type: 'uuid', nullable: true })
  headUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
