"""Internal calls of System.Security.SecurityManager: code access security is off, as in Mono."""
from .registry import icall


@icall("System.Security.SecurityManager::get_SecurityEnabled()")
def get_security_enabled(engine):
    return 0
