import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { anyDocumentExists, findUserByUsername, withDemoDocumentsLock } from '#persistence';
import { toAuthenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { CreateDocumentUseCase } from '../documents/create-document.use-case.js';
import { FireActionUseCase } from '../documents/fire-action.use-case.js';
import { demoDocuments } from './demo-documents.js';

/**
 * Makes the demo documents (demo-documents.ts) when DEMO_DOCUMENTS is on and the database holds no
 * document yet, through the same use cases as the API's requests. A failure is logged, never fatal:
 * the demo documents are a convenience, the API serves without them.
 */
@Injectable()
export class DemoDocumentsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoDocuments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly create: CreateDocumentUseCase,
    private readonly fire: FireActionUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoDocuments) return;
    try {
      const made = await withDemoDocumentsLock(this.dataSource, () => this.makeIntoEmptyDatabase());
      if (made) this.logger.log(`Demo documents made: ${made}`);
    } catch (error) {
      this.logger.warn(`Demo documents not made: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async makeIntoEmptyDatabase(): Promise<number> {
    if (await anyDocumentExists(this.dataSource.manager)) return 0;
    const documents = demoDocuments(new Date());
    // every demo person first: a missing or inactive one stops the seeding before it makes anything
    const people = new Map<string, AuthenticatedUser>();
    for (const username of new Set(documents.flatMap((d) => [d.drafter, ...d.steps.map((s) => s.user)]))) {
      const found = await findUserByUsername(this.dataSource.manager, username);
      if (!found?.active) throw new Error(`the demo user ${username} is missing or inactive`);
      people.set(username, toAuthenticatedUser(found));
    }
    for (const document of documents) {
      const created = await this.create.execute(document.kind, people.get(document.drafter)!, document.content);
      const { id } = created.body as { id: string };
      for (const { user, ...body } of document.steps) {
        await this.fire.execute({ kind: document.kind, user: people.get(user)!, id, body });
      }
    }
    return documents.length;
  }
}
