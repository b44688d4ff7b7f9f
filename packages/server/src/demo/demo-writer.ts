import type { Db } from '../db/client.ts';
import { insertPersonRows, insertPlaceRows, type PersonInsert, type PlaceInsert } from './demo.repository.ts';

/**
 * Buffers generated rows and writes them in multi-row inserts of `batchSize`, so memory stays
 * bounded whatever the number of residents. Places go before people (a person points at a
 * household). One batch may be in flight while the next is generated: on PostgreSQL the server
 * inserts while Node encrypts.
 */
export class DemoWriter {
  private places: PlaceInsert[] = [];
  private persons: PersonInsert[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private written = 0;

  constructor(
    private readonly tx: Db,
    private readonly batchSize: number,
    private readonly onPersonsWritten: (total: number) => void = () => {},
  ) {}

  async place(row: PlaceInsert): Promise<void> {
    this.places.push(row);
    if (this.places.length >= this.batchSize) await this.flush();
  }

  async person(row: PersonInsert): Promise<void> {
    this.persons.push(row);
    if (this.persons.length >= this.batchSize) await this.flush();
  }

  /** Starts writing what is buffered once the previous batch has landed. */
  async flush(): Promise<void> {
    await this.inFlight;
    const places = this.places;
    const persons = this.persons;
    this.places = [];
    this.persons = [];
    this.inFlight = this.write(places, persons);
    // Handled when awaited by the next flush or by finish(); this keeps Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => {});
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  private async write(places: PlaceInsert[], persons: PersonInsert[]): Promise<void> {
    await insertPlaceRows(this.tx, places);
    await insertPersonRows(this.tx, persons);
    this.written += persons.length;
    if (persons.length > 0) this.onPersonsWritten(this.written);
  }
}
