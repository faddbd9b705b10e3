import PreflightCLI

Preflight.run()
