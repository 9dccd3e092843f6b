<#
.SYNOPSIS
  Keeps `guide --kiosk` running: restarts it after any exit except a staff exit (code 10).
  Used by the scheduled task of install-windows-kiosk.ps1.
#>
param([string]$Guide = "C:\Program Files\zgc-guide\guide.exe")
$StaffExitCode = 10
while ($true) {
    $process = Start-Process -FilePath $Guide -ArgumentList "--kiosk" -PassThru -Wait
    if ($process.ExitCode -eq $StaffExitCode) { break }
    Start-Sleep -Seconds 2  # do not spin if it fails at once
}
