from postcoach.cli import main

raise SystemExit(main())
