@echo off
rem `parkdesk` in a command prompt: the console program beside this folder (parkdesk.iss puts it on PATH)
"%~dp0..\parkdesk-cli.exe" %*
