; Inno Setup 6.3+ script: the guide's Windows installer (per-machine, Start-menu entry, uninstaller).
;
; Built by packaging/build.py on Windows after PyInstaller made dist\zgc-guide:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\zgc-guide /DIconFile=build\package\icons\zgc-guide.ico
;        /DOutputDir=dist packaging\windows\zgc-guide.iss
; Silent install (IT staff): zgc-guide-0.1.0-windows-setup.exe /VERYSILENT /SUPPRESSMSGBOXES
;
; Bookmarks and settings live in %LOCALAPPDATA%\zgc-guide, outside the install folder, so an
; upgrade (same AppId, installed over the old one) keeps them. Uninstalling keeps them too,
; unless the user answers Yes when the uninstaller asks.

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
; An upgrade replaces the whole bundle (code, Qt, bundled content), leaving no stale files.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// User data is kept unless the user asks, interactively, for it to go (silent uninstalls keep it).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\zgc-guide');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox('Also delete your bookmarks and settings (' + DataDir + ')?', mbConfirmation,
                MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
