@echo off
rem Sequor launcher for Windows (JVM mode), the counterpart of bin/sequor: the same Java lookup, AOT cache check,
rem DuckDB library folder and JVM options; bin/sequor says why each option is there (DistributionIT keeps the two
rem option lists equal).
rem Java: %SEQUOR_JAVA%, else %JAVA_HOME%\bin\java.exe, else java.exe on the PATH.
rem Written without labels or delayed expansion, and kept with CRLF line ends (.gitattributes): cmd.exe misreads
rem labels in files with bare LF line ends.
setlocal

rem The application: beside the launcher in target\ (a build), under ..\lib in the distribution archive (bin\sequor.cmd).
set "app=%~dp0quarkus-app"
if not exist "%app%\quarkus-run.jar" set "app=%~dp0..\lib\quarkus-app"
for %%i in ("%app%") do set "app=%%~fi"
if not exist "%app%\quarkus-run.jar" (
  echo error: no quarkus-run.jar beside %~dp0 or in %~dp0..\lib\quarkus-app; unpack the whole sequor archive 1>&2
  exit /b 1
)

set "java_cmd=%SEQUOR_JAVA%"
if not defined java_cmd if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java_cmd=%JAVA_HOME%\bin\java.exe"
if not defined java_cmd for %%i in (java.exe) do set "java_cmd=%%~$PATH:i"
if not defined java_cmd (
  echo error: no Java found: set JAVA_HOME to a JDK 21 or newer, or put java.exe on the PATH 1>&2
  exit /b 1
)

rem The `release` file of the JDK that java_cmd belongs to (JDK\bin\java.exe -> JDK\release).
for %%i in ("%java_cmd%") do set "java_bin=%%~dpi"
for %%i in ("%java_bin%..") do set "java_release=%%~fi\release"

rem AOT cache: used only when the Java that runs now is the build that made it (its release file is identical to the
rem copy kept beside the cache), and only in the folder it was trained in (sequor.aot.app-folder; bin/sequor says
rem why). SEQUOR_AOT=off runs without it; SEQUOR_AOT_TRAIN=FILE writes a new cache to FILE.
rem The option values carry their own quotes, so that an unset one expands to nothing and a path may hold spaces.
set "aot_opt="
set "aot_off="
set "aot_app="
if exist "%app%\sequor.aot.app-folder" set /p aot_app=<"%app%\sequor.aot.app-folder"
if not "%aot_app%"=="%app%" set "aot_off=1"
if /i "%SEQUOR_AOT%"=="off" set "aot_off=1"
if defined SEQUOR_AOT_TRAIN set "aot_off=1"
if not defined aot_off if exist "%app%\sequor.aot" fc /b "%java_release%" "%app%\sequor.aot.release" >nul 2>&1 && set aot_opt="-XX:AOTCache=%app%\sequor.aot"
if defined SEQUOR_AOT_TRAIN if exist "%java_release%" copy /y "%java_release%" "%SEQUOR_AOT_TRAIN%.release" >nul
if defined SEQUOR_AOT_TRAIN >"%SEQUOR_AOT_TRAIN%.app-folder" echo %app%
if defined SEQUOR_AOT_TRAIN set aot_opt="-XX:AOTCacheOutput=%SEQUOR_AOT_TRAIN%"

rem DuckDB's JNI library for the build's platform, if the build put it in lib\native (otherwise the driver takes
rem this platform's library out of its jar).
set "lib_opt="
if exist "%app%\lib\native\" set lib_opt="-Djava.library.path=%app%\lib\native"

"%java_cmd%" --enable-native-access=ALL-UNNAMED -Xss4m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms96m -Xmn64m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m %aot_opt% %lib_opt% %SEQUOR_JAVA_OPTS% -jar "%app%\quarkus-run.jar" %*
exit /b %ERRORLEVEL%
