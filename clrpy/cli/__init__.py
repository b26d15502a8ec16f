"""The command-line front end: `clrpy dis`, `clrpy validate`, `clrpy info` (and later `run`)."""
