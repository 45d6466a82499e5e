#!/usr/bin/python3
"""Records what a screen reader is told: AT-SPI events with the role and name of their source, one per line.

Orca speaks a change that moves no focus when it arrives on the focused object or on an object of role
"notification" or "alert" becoming showing; the driver looks for those lines. The first line says the
listener is registered (events sent before that are not seen).
"""
import sys

import pyatspi

out = open(sys.argv[1], "w", buffering=1)


def record(event):
    try:
        role = str(pyatspi.Role(int(event.source_role))).replace("ROLE_", "")  # "NOTIFICATION", "PUSH_BUTTON", …
        name = (event.source_name or "").replace("\n", " ")
    except Exception:  # the source went before its event was read (a popup's items): said so, not lost
        role, name = "GONE", ""
    if event.type.startswith("object:announcement"):  # Qt 6.8 and later: the text travels with the event
        name = f"ANNOUNCED\t{event.any_data}"
    out.write(f"{event.type}\t{event.detail1}\t{role}\t{name}\n")


pyatspi.Registry.registerEventListener(record, "object:state-changed:showing", "object:state-changed:focused",
                                       "object:property-change:accessible-name", "object:announcement", "window:activate")
out.write("listening\n")
pyatspi.Registry.start()
