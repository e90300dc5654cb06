#!/usr/bin/env bash
# Adds a migration named <Module><NAME> to every module context, once per provider (SQLite and PostgreSQL),
# with the EF tools, and keeps the generated types internal (modules export only their registration and web types).
#   scripts/add-migration.sh NAME [MODULE...]     e.g. scripts/add-migration.sh JobRuns Platform
# MODULE is Platform, Organization, Strategy, Okr or Reviews; without one, every module gets the migration.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME [MODULE...]}
shift
only=" $* "
dotnet tool restore >/dev/null
dotnet build src/Host -v q -nologo >/dev/null
for spec in "src/Platform/Scorecard.Platform:Platform" "src/Modules/Organization/Scorecard.Organization:Organization" \
            "src/Modules/Strategy/Scorecard.Strategy:Strategy" "src/Modules/Okr/Scorecard.Okr:Okr" "src/Modules/Reviews/Scorecard.Reviews:Reviews"; do
  project=${spec%%:*}; module=${spec##*:}
  if [ "$only" != "  " ] && [[ "$only" != *" $module "* ]]; then continue; fi
  for provider in Sqlite:Sqlite Postgres:PostgreSql; do
    dotnet ef migrations add "${module}${name}" --no-build -p "$project" -s src/Host \
      -c "${module}${provider%%:*}DbContext" -o "Persistence/Migrations/${provider##*:}" >/dev/null
  done
  sed -i 's/^    public partial class /    internal sealed partial class /; s/^    partial class /    internal sealed partial class /' \
    "$project"/Persistence/Migrations/*/*.cs
  echo "$module: ${module}${name} added for SQLite and PostgreSQL"
done
