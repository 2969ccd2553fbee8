"""mssclient: secure health messaging, teleexpertise and call directory.

The package root holds only identifiers shared by the core and the GUI.
"""

__version__ = "0.1.0"

#: Reverse-DNS application id: desktop file name, QSettings organisation/app, keyring service.
APP_ID = "fr.mssclient.MSSClient"
APP_NAME = "MSSClient"
