#!/usr/bin/env pwsh
# PowerShell front door to the same verbs as eng/build.sh (which holds the logic):
#   ./build.ps1 demo | test | bench | build | deps | publish-arm64
$ErrorActionPreference = 'Stop'
& bash (Join-Path $PSScriptRoot 'eng/build.sh') @args
exit $LASTEXITCODE
