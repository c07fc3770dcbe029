#!/bin/sh
echo "Prisma's native schema engine is not installed (it is downloaded at install time, which needs network access)." >&2
echo "Use 'npm run db:migrate' to apply migrations and 'npm run db:diff -- <name>' to write a new one." >&2
exit 1
