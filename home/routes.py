"""Routes of routable pages hand the request to a view of their app's `views.py`.

The views import the page models, so the models cannot import the views back: each routable
page class keeps a table of its views, which the app's views module fills with `@serves` and
which the app's AppConfig.ready() loads. A route then stays one line:
`return self.serve_route("apply", request)`.
"""


class ViewRoutesMixin:
    """Gives each page class its own table of route views."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.route_views = {}

    def serve_route(self, name, request, *args, **kwargs):
        return self.route_views[name](request, self, *args, **kwargs)


def serves(page_class, name):
    """Records the decorated view, called as view(request, page, ...), for a route of a page."""

    def register(view):
        page_class.route_views[name] = view
        return view

    return register
