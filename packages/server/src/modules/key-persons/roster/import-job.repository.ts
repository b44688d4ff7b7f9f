// The import-job store is shared by every bulk import (src/imports/); this path stays for the lab import until its rewrite lands.
export * from '../../../imports/import-job.repository.ts';
