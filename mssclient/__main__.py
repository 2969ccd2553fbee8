from mssclient.cli import main

# The guard matters: parse worker processes (forkserver/spawn) import this module again.
if __name__ == "__main__":
    raise SystemExit(main())
