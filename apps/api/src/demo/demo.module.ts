import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { DemoDocumentsSeeder } from './demo-documents.seeder.js';

/** The demo documents a fresh demo installation starts with (DEMO_DOCUMENTS). */
@Module({
  imports: [DocumentsModule],
  providers: [DemoDocumentsSeeder],
})
export class DemoModule {}
