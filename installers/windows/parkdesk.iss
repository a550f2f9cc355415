; parkdesk for Windows: a per-user installer (no administrator rights), made with Inno Setup 6.
;
; Build the bundle first (dist\parkdesk\, see installers\README.md), then from the repository root:
;   iscc installers\windows\parkdesk.iss
; which writes dist\parkdesk-<version>-setup.exe. tests\test_installers.py checks that every file named
; here exists (or is what installers\parkdesk.spec builds) and that the version matches pyproject.toml.

#define AppName "parkdesk"
#define AppVersion "0.1.0"
#define AppExe "parkdesk.exe"
#define CliExe "parkdesk-cli.exe"
#define BundleDir "..\..\dist\parkdesk"

[Setup]
AppId={{20A8FBA5-F3FF-426B-91A3-153AA349593B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=parkdesk
VersionInfoVersion={#AppVersion}
; per user: no UAC prompt; {autopf} is %LOCALAPPDATA%\Programs, registry entries go to HKCU
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\..\resources\icons\parkdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh.PackageType=parkdesk 年报数据包
en.PackageType=parkdesk report package
zh.ReviewType=parkdesk 审核回执
en.ReviewType=parkdesk review receipt
zh.CommandLine=parkdesk 命令行
en.CommandLine=parkdesk command line

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; a new version replaces the bundle's libraries wholesale: nothing of the old one may stay beside them
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .parkpkg: a report package, opened by parkdesk (per user, HKCU\Software\Classes)
Root: HKCU; Subkey: "Software\Classes\.parkpkg"; ValueType: string; ValueName: ""; ValueData: "parkdesk.package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.parkpkg\OpenWithProgids"; ValueType: string; ValueName: "parkdesk.package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\parkdesk.package"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\parkdesk.package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\parkdesk.package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; .parkreview: a review receipt, opened by parkdesk
Root: HKCU; Subkey: "Software\Classes\.parkreview"; ValueType: string; ValueName: ""; ValueData: "parkdesk.review"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.parkreview\OpenWithProgids"; ValueType: string; ValueName: "parkdesk.review"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\parkdesk.review"; ValueType: string; ValueName: ""; ValueData: "{cm:ReviewType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\parkdesk.review\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\parkdesk.review\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" lists parkdesk for both
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".parkpkg"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".parkreview"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
