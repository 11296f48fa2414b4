"""Where a wheel's bundled libcurl finds the certificate authorities.

A wheel from `make wheel` carries its own libcurl (libyativo.libs/), built on Debian, whose
default CA bundle is Debian's path (/etc/ssl/certs/ca-certificates.crt): absent on Fedora, RHEL
and others. So a client of a wheel install given no ca_file, ca_path or ca_blob verifies with
what Python's own ssl module uses on this machine (`ssl.get_default_verify_paths()`, which also
honours SSL_CERT_FILE and SSL_CERT_DIR). A source build links the system's libcurl, whose own
default is right for the system, and is left alone.
"""

from __future__ import annotations

import functools
import os
import ssl
from typing import Optional, Tuple


@functools.lru_cache(maxsize=None)
def default_ca() -> Tuple[Optional[str], Optional[str]]:
    """(ca_file, ca_path) for a client given neither: the system's, when this package is a wheel
    with bundled libraries; (None, None) otherwise (libcurl's own default)."""
    package = os.path.dirname(os.path.abspath(__file__))
    if not os.path.isdir(os.path.join(os.path.dirname(package), "libyativo.libs")):
        return None, None
    paths = ssl.get_default_verify_paths()
    if paths.cafile:  # None unless the file exists
        return paths.cafile, None
    if paths.capath:
        return None, paths.capath
    return None, None
