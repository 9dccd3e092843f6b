; Inno Setup 6.3+ script: the guide's Windows installer (per-machine, Start-menu entry, uninstaller).
;
; Built by packaging/build.py on Windows after PyInstaller made dist\zgc-guide:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\zgc-guide /DIconFile=build\package\icons\zgc-guide.ico
;        /DOutputDir=dist packaging\windows\zgc-guide.iss
; Silent install (IT staff): zgc-guide-0.1.0-windows-setup.exe /VERYSILENT /SUPPRESSMSGBOXES
;
; Bookmarks and settings live in %LOCALAPPDATA%\zgc-guide, outside the install folder, so an
; upgrade (same AppId, installed over the old one) keeps them. Uninstalling keeps them too,
; unless the user answers Yes when the uninstaller asks; it also offers to delete the data of
; the kiosk account that kiosk\install-windows-kiosk.ps1 configured (recorded in the registry).
;
; Installed: {app}\zgc-guide.exe (windowed), {app}\zgc-guide-cli.exe (console: --self-test and
; staff commands such as `zgc-guide-cli.exe kiosk set-pin`), {app}\kiosk\ (kiosk scripts).

#ifndef AppVersion
  #error Define AppVersion, e.g. ISCC /DAppVersion=0.1.0
#endif
#ifndef SourceDir
  #error Define SourceDir: the PyInstaller one-folder bundle (dist\zgc-guide)
#endif
#ifndef OutputDir
  #define OutputDir "."
#endif

#define AppName "ZGC Forum Guide"
#define AppExe "zgc-guide.exe"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6F0B6C2E-2D43-4B8A-9C21-5E7A0F3D8B14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=zgc-guide
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine: installs for every user of a kiosk or laptop, into Program Files.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=zgc-guide-{#AppVersion}-windows-setup
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running guide holds its files open: close it before replacing them.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
Type: filesandordirs; Name: "{app}\kiosk"
; An upgrade replaces the whole bundle (code, Qt, bundled content), leaving no stale files.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The kiosk recipes, run from where they are installed (their default program is {app}\zgc-guide.exe).
Source: "..\kiosk\install-windows-kiosk.ps1"; DestDir: "{app}\kiosk"; Flags: ignoreversion
Source: "..\kiosk\run-kiosk.ps1"; DestDir: "{app}\kiosk"; Flags: ignoreversion
Source: "..\kiosk\README.md"; DestDir: "{app}\kiosk"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// User data is kept unless the user asks, interactively, for it to go (silent uninstalls keep it):
// first the uninstalling account's, then that of the kiosk account install-windows-kiosk.ps1
// configured, whose profile is found from the SID it recorded (HKLM\SOFTWARE\zgc-guide).
const
  KioskKey = 'SOFTWARE\zgc-guide';
  ProfileList = 'SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\';

procedure OfferToDelete(DataDir, Whose: String);
begin
  if DirExists(DataDir) and not UninstallSilent() then
    if MsgBox('Also delete ' + Whose + ' bookmarks and settings (' + DataDir + ')?', mbConfirmation,
              MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataDir, True, True, True);
end;

function KioskDataDir(): String;
var
  Sid, Profile: String;
begin
  Result := '';
  if RegQueryStringValue(HKLM, KioskKey, 'KioskUserSid', Sid) then
    if RegQueryStringValue(HKLM, ProfileList + Sid, 'ProfileImagePath', Profile) then
      Result := ExpandConstant(Profile) + '\AppData\Local\zgc-guide';
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  KioskUser, KioskDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    OfferToDelete(ExpandConstant('{localappdata}\zgc-guide'), 'your');
    KioskDir := KioskDataDir();
    if (KioskDir <> '') and (CompareText(KioskDir, ExpandConstant('{localappdata}\zgc-guide')) <> 0) then
    begin
      if not RegQueryStringValue(HKLM, KioskKey, 'KioskUser', KioskUser) then
        KioskUser := 'the kiosk account';
      OfferToDelete(KioskDir, 'the kiosk account ' + KioskUser + #39 + 's');
    end;
    RegDeleteKeyIncludingSubkeys(HKLM, KioskKey);
  end;
end;
