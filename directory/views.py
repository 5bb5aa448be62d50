"""What the directory's pages answer: the filtered listing, the application form and a
provider's contact form. The page routes hand the request here (see home.routes)."""

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from home.form_protection import accept_submission, public_form_view, response_status
from home.routes import serves

from .contact import retention_months, send_contact_request
from .facets import DirectorySearch
from .forms import ApplicationForm, ContactForm
from .models import DirectoryIndexPage, ProviderPage
from .onboarding import receive_application

PROVIDERS_PER_PAGE = 12


@serves(DirectoryIndexPage, "listing")
def listing(request, index):
    directory = DirectorySearch(request.GET)
    page_obj = Paginator(directory.results, PROVIDERS_PER_PAGE).get_page(request.GET.get("page"))
    return index.render(
        request,
        context_overrides={
            "directory": directory,
            "page_obj": page_obj,
            "providers": page_obj.object_list,
        },
    )


@serves(DirectoryIndexPage, "apply")
@public_form_view
def apply(request, index):
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and accept_submission(request, form, "application"):
        receive_application(form)
        return redirect(index.url + index.reverse_subpage("application_received"))
    return TemplateResponse(
        request,
        "pages/directory/application_form.html",
        {"page": index, "form": form},
        status=response_status(form),
    )


@serves(DirectoryIndexPage, "application_received")
def application_received(request, index):
    return TemplateResponse(request, "pages/directory/application_received.html", {"page": index})


@serves(ProviderPage, "contact")
@public_form_view
def contact(request, provider):
    form = ContactForm(request.POST if request.method == "POST" else None, provider=provider)
    if form.is_bound and accept_submission(request, form, "contact"):
        send_contact_request(provider, form)
        return redirect(provider.url + provider.reverse_subpage("contact_sent"))
    return TemplateResponse(
        request,
        "pages/directory/contact_form.html",
        {"page": provider, "form": form, "retention_months": retention_months()},
        status=response_status(form),
    )


@serves(ProviderPage, "contact_sent")
def contact_sent(request, provider):
    return TemplateResponse(request, "pages/directory/contact_sent.html", {"page": provider})
