#!/usr/bin/env pwsh
# PowerShell front door to the same verbs as eng/build.sh (which holds the logic):
#   ./build.ps1 demo | test | bench | bench-agent | build | deps | publish-arm64 | kit | models
$ErrorActionPreference = 'Stop'
& bash (Join-Path $PSScriptRoot 'eng/build.sh') @args
exit $LASTEXITCODE
