; Inno Setup 6 script: Windows installer of the folder built by packaging/milieu.spec.
; UNTESTED on this project's machines (Linux only): see packaging/README.md.
;   python -m PyInstaller --noconfirm packaging/milieu.spec      -> dist\milieu\
;   iscc /DAppVersion=0.1.0 packaging\windows\milieu.iss         -> dist\installer\
; Per-user install by default (no administrator rights); the first page offers a
; per-machine install to administrators (or: setup.exe /ALLUSERS). The vault stays in
; %LOCALAPPDATA%\milieu: upgrading or uninstalling never touches it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1C2E7A-3B5D-4C8E-9A21-5D7E0B4F8C13}
AppName=Milieu
AppVersion={#AppVersion}
AppVerName=Milieu {#AppVersion}
AppPublisher=La Piaule
DefaultDirName={autopf}\Milieu
DefaultGroupName=Milieu
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist\installer
OutputBaseFilename=milieu-{#AppVersion}-setup
SetupIconFile=resources\icons\milieu.ico
UninstallDisplayIcon={app}\milieu.exe
UninstallDisplayName=Milieu
LicenseFile=packaging\windows\LICENCE-fr-en.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.StartMilieu=Lancer Milieu
en.StartMilieu=Start Milieu
fr.MilieuComment=Carnet chiffré de l'intervenant·e de milieu
en.MilieuComment=Encrypted notebook of the library outreach worker
fr.CliComment=Commandes de Milieu pour l'administration (invite de commandes)
en.CliComment=Milieu's administration commands (command prompt)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder: no module of the older release stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\milieu\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Milieu"; Filename: "{app}\milieu.exe"; Comment: "{cm:MilieuComment}"
Name: "{autodesktop}\Milieu"; Filename: "{app}\milieu.exe"; Comment: "{cm:MilieuComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\milieu.exe"; Description: "{cm:StartMilieu}"; Flags: nowait postinstall skipifsilent
