<#
.SYNOPSIS
Flashes an ESP32 pod controller with nanoff: the nanoFramework firmware, the PodFirmware
deployment image and the configuration files on the internal flash (I:\). Prints every command
before running it. See README.md beside this file.

.EXAMPLE
./flash.ps1 -Port COM5 -Firmware -Config

.EXAMPLE
./flash.ps1 -Port COM5 -Image ..\PodFirmware\bin\Release\PodFirmware.bin -Address 0x190000
#>
[CmdletBinding()]
param(
    # Serial port of the board, e.g. COM5.
    [Parameter(Mandatory = $true)] [string] $Port,
    # nanoff target name.
    [string] $Target = 'ESP32_REV3',
    # Flash the nanoFramework firmware, erasing the whole flash first (also erases I:\).
    [switch] $Firmware,
    # With -Firmware: flash this firmware version instead of firmware.tsv's (the one the pinned
    # packages are checked against; never the newest by default).
    [string] $FirmwareVersion = '',
    # Application image to deploy (PodFirmware.bin from bin\Release).
    [string] $Image = '',
    # Deployment region of the image, hexadecimal; required with -Image
    # (read it with: nanoff --platform esp32 --serialport PORT --devicedetails).
    [string] $Address = '',
    # Copy the pin map to I:\board.json and the pod config to I:\pod.json.
    [switch] $Config,
    # Pin map to copy.
    [string] $Board = (Join-Path $PSScriptRoot 'boards/esp32-devkitc-pod-v1.json'),
    # Pod config to copy.
    [string] $Pod = (Join-Path $PSScriptRoot 'pods/pod-demo.json'),
    # Accept a pod config that still holds the public demo signing key (bench only).
    [switch] $AllowDemoKey,
    # Print the commands without running them.
    [switch] $DryRun
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Fail([string] $message) {
    Write-Error "flash.ps1: $message" -ErrorAction Continue
    exit 2
}

function Invoke-Nanoff([string[]] $arguments) {
    $quoted = $arguments | ForEach-Object { if ($_ -match '\s') { '"' + $_ + '"' } else { $_ } }
    Write-Host ('+ nanoff ' + ($quoted -join ' '))
    if (-not $DryRun) {
        & nanoff @arguments
        if ($LASTEXITCODE -ne 0) {
            Fail "nanoff failed with exit code $LASTEXITCODE"
        }
    }
}

if (-not ($Firmware -or $Image -or $Config)) { Fail 'no step given: use -Firmware, -Image (with -Address) and/or -Config' }
if ($Image) {
    if (-not $Address) { Fail '-Image needs -Address (the deployment region; see --devicedetails)' }
    if (-not (Test-Path -LiteralPath $Image -PathType Leaf)) { Fail "image not found: $Image" }
}
if ($Config) {
    if (-not (Test-Path -LiteralPath $Board -PathType Leaf)) { Fail "pin map not found: $Board" }
    if (-not (Test-Path -LiteralPath $Pod -PathType Leaf)) { Fail "pod config not found: $Pod" }
    # The signing key of pods/pod-demo.json is public (it is in this repository): a pod flashed with it obeys anyone.
    $demoKey = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
    if (-not $AllowDemoKey -and (Select-String -LiteralPath $Pod -Pattern $demoKey -SimpleMatch -Quiet)) {
        Fail "$Pod holds the public demo signing key; give the pod its own (openssl rand -hex 32) or pass -AllowDemoKey on a bench"
    }
}
if (-not $DryRun -and -not (Get-Command nanoff -ErrorAction SilentlyContinue)) {
    Fail 'nanoff not found: dotnet tool install -g nanoff'
}

if ($Firmware) {
    if (-not $FirmwareVersion) {
        # The newest firmware may expect other package versions and refuse PodFirmware: flash the recorded one.
        $row = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'firmware.tsv') | Where-Object { $_ -match "^firmware`tversion`t" } | Select-Object -First 1
        if (-not $row) { Fail "no firmware version in firmware.tsv" }
        $FirmwareVersion = ($row -split "`t")[2]
    }
    Invoke-Nanoff @('--target', $Target, '--serialport', $Port, '--update', '--fwversion', $FirmwareVersion, '--masserase')
}

if ($Image) {
    Invoke-Nanoff @('--target', $Target, '--serialport', $Port, '--deploy', '--image', $Image, '--address', $Address)
}

if ($Config) {
    # nanoff copies files to the device's storage through the wire protocol, listed in a JSON file.
    $list = [ordered]@{
        serialport = $Port
        files      = @(
            [ordered]@{ DestinationFilePath = 'I:\board.json'; SourceFilePath = (Resolve-Path -LiteralPath $Board).Path },
            [ordered]@{ DestinationFilePath = 'I:\pod.json'; SourceFilePath = (Resolve-Path -LiteralPath $Pod).Path }
        )
    }
    $deployJson = [System.IO.Path]::GetTempFileName()
    try {
        $list | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $deployJson -Encoding UTF8
        Write-Host "file deployment list ($deployJson):"
        Get-Content -LiteralPath $deployJson | Write-Host
        Invoke-Nanoff @('--serialport', $Port, '--filedeployment', $deployJson)
    }
    finally {
        Remove-Item -LiteralPath $deployJson -ErrorAction SilentlyContinue
    }
}
