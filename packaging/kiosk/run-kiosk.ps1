<#
.SYNOPSIS
  Keeps `guide --kiosk` running: restarts it after any exit except a staff exit (code 10).
  Used by the scheduled task of install-windows-kiosk.ps1.
#>
# Default: the zgc-guide.exe installed beside this script's kiosk folder.
param([string]$Guide = (Join-Path (Split-Path $PSScriptRoot -Parent) "zgc-guide.exe"))
$StaffExitCode = 10
while ($true) {
    $process = Start-Process -FilePath $Guide -ArgumentList "--kiosk" -PassThru -Wait
    if ($process.ExitCode -eq $StaffExitCode) { break }
    Start-Sleep -Seconds 2  # do not spin if it fails at once
}
