"""Conflicts of use, support to library staff and presence hours (issue 6).

Services take a Session and return the record they changed; every change goes
through ``app.history`` so the weekly bundle carries it.
"""
