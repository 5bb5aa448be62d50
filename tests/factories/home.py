import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Une page simple"
    introduction = "Une introduction courte."

    class Meta:
        model = StandardPage
