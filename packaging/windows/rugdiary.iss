; Inno Setup 6 script: a Windows installer from the PyInstaller bundle in dist\rugdiary.
;
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\pyinstaller\rugdiary.spec
;   iscc packaging\windows\rugdiary.iss
;
; -> dist\RugDiary-<version>-setup.exe. The version comes from rugdiary\__init__.py (read
; below), or from the command line: iscc /DAppVersion=0.1.0 packaging\windows\rugdiary.iss
; Installs per user by default (no administrator needed); the user may choose all users.
; The diary itself lives in %LOCALAPPDATA%\RugDiary and is never removed by the uninstaller.

#ifndef AppVersion
  ; Single source: the line __version__ = "X.Y.Z" in rugdiary\__init__.py.
  #define VersionFile AddBackslash(SourcePath) + "..\..\rugdiary\__init__.py"
  #define AppVersion ""
  #define FileHandle
  #define FileLine
  #sub ReadVersionLine
    #define FileLine = FileRead(FileHandle)
    #if Pos('__version__ = "', FileLine) == 1
      #define AppVersion = Copy(FileLine, 16, RPos('"', FileLine) - 16)
    #endif
  #endsub
  #for {FileHandle = FileOpen(VersionFile); FileHandle && !FileEof(FileHandle); ""} ReadVersionLine
  #if FileHandle
    #expr FileClose(FileHandle)
  #endif
  #if AppVersion == ""
    #error Could not read __version__ from rugdiary\__init__.py; pass /DAppVersion=X.Y.Z
  #endif
#endif

#define AppName "RugDiary"
#define AppExe "rugdiary.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\rugdiary"

[Setup]
; Never change AppId: Windows uses it to find the installed app for updates and uninstall.
AppId={{5B0E8C1A-7D3F-4E2B-9A61-2C4F8E7D1B93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The RugDiary contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourcePath}\..\..\dist
OutputBaseFilename=RugDiary-{#AppVersion}-setup
SetupIconFile={#SourcePath}\rugdiary.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The Start-menu entry, and the uninstaller (also in Settings > Apps).
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there (PyInstaller may leave __pycache__ behind); never the diary.
Type: filesandordirs; Name: "{app}\_internal"
