import { Injectable } from '@nestjs/common';
import { DocumentRepository } from '#persistence';
import { DOCUMENT_SUMMARY_OMITS } from './document-record.js';

/** The documents repository with the summary omissions of the registered kinds. */
@Injectable()
export class DocumentStore extends DocumentRepository {
  constructor() {
    super(DOCUMENT_SUMMARY_OMITS);
  }
}
