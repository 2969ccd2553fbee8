from mssclient.cli import main

raise SystemExit(main())
