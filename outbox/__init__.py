"""Outgoing e-mail, stored before it is sent and delivered by the task queue with retries.

Its own app because it has its own model and admin list: every capability (contact requests,
webinar registrations, applications) queues its mail here and never talks to SMTP itself.
"""
