; parkdesk for Windows, made with Inno Setup 6.3 or newer (ArchitecturesAllowed=x64compatible needs 6.3).
; This file is UTF-8 with a byte-order mark: Inno Setup reads its Chinese messages correctly only so (keep the BOM
; when editing it).
;
; Build the bundle first (dist\parkdesk\, see installers\README.md), then from the repository root:
;   iscc installers\windows\parkdesk.iss
; which writes dist\parkdesk-<version>-setup.exe. To sign the installer and its uninstaller as well, define a sign
; tool and name it (see installers\README.md):
;   iscc "/Sparkdesksign=signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /f cert.pfx $f" ^
;        /DSignToolName=parkdesksign installers\windows\parkdesk.iss
;
; It installs for the current user without administrator rights by default; IT staff choose "for all users" in the
; first dialog (or run it with /ALLUSERS). tests\test_installers.py checks that every file named here exists (or is
; what installers\parkdesk.spec builds), that the version matches pyproject.toml, and what is associated.

#if VER < EncodeVer(6, 3, 0)
  #error parkdesk.iss needs Inno Setup 6.3 or newer (x64compatible); install it from jrsoftware.org
#endif

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
; per user by default: no UAC prompt, {autopf} is %LOCALAPPDATA%\Programs and HKA is HKCU; "for all users" (the
; dialog, or /ALLUSERS) asks for administrator rights, {autopf} is then Program Files and HKA is HKLM
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; PySide6 (Qt 6) runs on Windows 10 1809 and newer
MinVersion=10.0.17763
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
ChangesEnvironment=yes
LicenseFile=..\..\LICENSE
SetupIconFile=..\..\resources\icons\parkdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh.PackageType=parkdesk 年报数据包
en.PackageType=parkdesk report package
zh.ReviewType=parkdesk 审核回执
en.ReviewType=parkdesk review receipt
zh.RollupType=parkdesk 区县汇总包
en.RollupType=parkdesk district roll-up
zh.CommandLine=parkdesk 命令行
en.CommandLine=parkdesk command line
zh.NewWorkspace=新建工作区
en.NewWorkspace=New workspace
zh.AddToPath=把 parkdesk 命令加入 PATH(在命令提示符中运行 parkdesk)
en.AddToPath=Add the parkdesk command to PATH (run parkdesk in a command prompt)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; Flags: unchecked

[Files]
; the bundle, with its LICENSES folder (parkdesk's licence and those of everything it ships)
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; `parkdesk` in a command prompt: runs parkdesk-cli.exe (the console program); its folder goes on PATH
Source: "parkdesk.cmd"; DestDir: "{app}\bin"; Flags: ignoreversion

[InstallDelete]
; a new version replaces the bundle's libraries wholesale: nothing of the old one may stay beside them
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:NewWorkspace}"; Filename: "{app}\{#AppExe}"; Parameters: "--new-workspace"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA: HKCU\Software\Classes for one user, HKLM\Software\Classes for all users
; .parkpkg: a report package, opened by parkdesk
Root: HKA; Subkey: "Software\Classes\.parkpkg"; ValueType: string; ValueName: ""; ValueData: "parkdesk.package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.parkpkg\OpenWithProgids"; ValueType: string; ValueName: "parkdesk.package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\parkdesk.package"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\parkdesk.package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\parkdesk.package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; .parkreview: a review receipt, opened by parkdesk
Root: HKA; Subkey: "Software\Classes\.parkreview"; ValueType: string; ValueName: ""; ValueData: "parkdesk.review"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.parkreview\OpenWithProgids"; ValueType: string; ValueName: "parkdesk.review"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\parkdesk.review"; ValueType: string; ValueName: ""; ValueData: "{cm:ReviewType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\parkdesk.review\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\parkdesk.review\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; .parkrollup: a district roll-up, opened by parkdesk (the city imports it)
Root: HKA; Subkey: "Software\Classes\.parkrollup"; ValueType: string; ValueName: ""; ValueData: "parkdesk.rollup"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.parkrollup\OpenWithProgids"; ValueType: string; ValueName: "parkdesk.rollup"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\parkdesk.rollup"; ValueType: string; ValueName: ""; ValueData: "{cm:RollupType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\parkdesk.rollup\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\parkdesk.rollup\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" lists parkdesk for all three
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".parkpkg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".parkreview"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".parkrollup"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The optional PATH entry ({app}\bin): the user's PATH (HKCU\Environment) in a per-user install, the system's in an
// all-users install; added after installing when the task was chosen, removed when uninstalling.

function EnvironmentRoot: Integer;
begin
  if IsAdminInstallMode then
    Result := HKEY_LOCAL_MACHINE
  else
    Result := HKEY_CURRENT_USER;
end;

function EnvironmentKey: String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function CurrentPath: String;
begin
  if not RegQueryStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Result) then
    Result := '';
end;

function PathHolds(Paths, Dir: String): Boolean;
begin
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') > 0;
end;

procedure AddToPath(Dir: String);
var
  Paths: String;
begin
  Paths := CurrentPath;
  if PathHolds(Paths, Dir) then
    exit;
  if (Paths <> '') and (Copy(Paths, Length(Paths), 1) <> ';') then
    Paths := Paths + ';';
  RegWriteExpandStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Paths + Dir);
end;

procedure RemoveFromPath(Dir: String);
var
  Wrapped, Needle: String;
  At: Integer;
begin
  Wrapped := ';' + CurrentPath + ';';
  Needle := ';' + Dir + ';';
  At := Pos(Uppercase(Needle), Uppercase(Wrapped));
  if At = 0 then
    exit;
  Delete(Wrapped, At, Length(Needle) - 1);
  RegWriteExpandStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Copy(Wrapped, 2, Length(Wrapped) - 2));
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('addtopath') then
    AddToPath(ExpandConstant('{app}\bin'));
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}\bin'));
end;
