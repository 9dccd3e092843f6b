<#
.SYNOPSIS
  Runs the guide as a kiosk on Windows, restarted whenever it exits except after a staff exit.

.DESCRIPTION
  Two ways, pick one (run as Administrator):

  -Mode ShellLauncher  (Windows 10/11 Enterprise, Education or IoT Enterprise)
      Replaces Explorer with the guide for one local account through Shell Launcher v2.
      Shell Launcher restarts the guide when it exits; exit code 10 (the staff PIN) does
      nothing instead, so staff get a blank session to sign out of or administer.
      Pair it with Keyboard Filter to block Windows key, Alt+Tab and Ctrl+Alt+Del combos.

  -Mode ScheduledTask  (any edition, including Pro)
      A logon task for that account runs run-kiosk.ps1, which restarts the guide after any
      exit except code 10. Explorer still runs underneath: use a dedicated account with
      a locked-down policy (assigned access, no taskbar) for a public screen.

  Both turn off display and sleep timeouts on AC power; the guide itself also asks
  Windows to keep the display on while it runs (SetThreadExecutionState).

  The installer puts this script in the kiosk folder of the installation
  (C:\Program Files\ZGC Forum Guide\kiosk); by default it runs the zgc-guide.exe installed
  beside that folder. It records the kiosk account in HKLM\SOFTWARE\zgc-guide so that the
  uninstaller can offer to delete that account's bookmarks and settings too.

.EXAMPLE
  & "C:\Program Files\ZGC Forum Guide\kiosk\install-windows-kiosk.ps1" -Mode ShellLauncher -User kiosk
  & "C:\Program Files\ZGC Forum Guide\kiosk\install-windows-kiosk.ps1" -Mode ScheduledTask -User kiosk
#>
param(
    [Parameter(Mandatory = $true)][ValidateSet("ShellLauncher", "ScheduledTask")][string]$Mode,
    [Parameter(Mandatory = $true)][string]$User,
    [string]$Guide = (Join-Path (Split-Path $PSScriptRoot -Parent) "zgc-guide.exe")
)
$ErrorActionPreference = "Stop"
$StaffExitCode = 10  # guide.kiosk.STAFF_EXIT_CODE
# Staff commands need a console: the installer's console twin of the windowed program.
$StaffCli = Join-Path (Split-Path $Guide -Parent) "zgc-guide-cli.exe"

if (-not (Test-Path $Guide)) { throw "No guide at $Guide (pass -Guide)" }
$account = New-Object System.Security.Principal.NTAccount($User)
$sid = $account.Translate([System.Security.Principal.SecurityIdentifier]).Value

# For the uninstaller: whose data to offer to delete (zgc-guide.iss reads these two values).
New-Item -Path "HKLM:\SOFTWARE\zgc-guide" -Force | Out-Null
Set-ItemProperty -Path "HKLM:\SOFTWARE\zgc-guide" -Name "KioskUserSid" -Value $sid
Set-ItemProperty -Path "HKLM:\SOFTWARE\zgc-guide" -Name "KioskUser" -Value $User

# Never blank or sleep on mains power.
powercfg /change monitor-timeout-ac 0
powercfg /change standby-timeout-ac 0

if ($Mode -eq "ShellLauncher") {
    Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
    $launcher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
    $launcher.SetEnabled($true) | Out-Null
    # Actions: 0 restart the shell, 1 restart the device, 2 shut down, 3 do nothing.
    $restartShell = 0
    $doNothing = 3
    try { $launcher.RemoveCustomShell($sid) | Out-Null } catch { }
    $launcher.SetCustomShell($sid, "`"$Guide`" --kiosk", [int[]]@($StaffExitCode), [int[]]@($doNothing),
        $restartShell) | Out-Null
    Write-Host "Shell Launcher: $User now signs in to the guide (restart on exit, not after a staff exit)."
    Write-Host "Set the staff PIN as $User first:  `"$StaffCli`" kiosk set-pin"
    Write-Host "Restart Windows for the feature to take effect."
} else {
    $runner = Join-Path $PSScriptRoot "run-kiosk.ps1"
    $arguments = "-NoProfile -WindowStyle Hidden -ExecutionPolicy Bypass -File `"$runner`" -Guide `"$Guide`""
    $action = New-ScheduledTaskAction -Execute "powershell.exe" -Argument $arguments
    $trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
    $settings = New-ScheduledTaskSettingsSet -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
        -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1)
    $principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive
    Register-ScheduledTask -TaskName "zgc-guide kiosk" -Action $action -Trigger $trigger `
        -Settings $settings -Principal $principal -Force | Out-Null
    Write-Host "Scheduled task 'zgc-guide kiosk' runs the guide at $User's logon and restarts it."
    Write-Host "Set the staff PIN as $User first:  `"$StaffCli`" kiosk set-pin"
}
