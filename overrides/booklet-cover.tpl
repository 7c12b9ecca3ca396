{#- Cover of the printed booklet (mkdocs-print-site-plugin). Written by `python -m macros.banner`
    from data/regions.yml: do not edit. -#}
<div class="booklet-cover">
  <h1>{{ config.site_name }}</h1>
  <p class="booklet-cover__subtitle">Lower back pain from running: a booklet for runners, clubs and clinics</p>
  <p>{{ config.site_description }}</p>
  <p><strong>Not a diagnosis.</strong> If you have numbness in both legs or around your bottom, or new trouble peeing or pooing, call <span class="rg rg--emergency"><span data-region="uk">999</span><span data-region="ireland">112 or 999</span><span data-region="us">911</span><span data-region="canada">911</span><span data-region="australia">000</span><span data-region="new-zealand">111</span></span> or your local emergency number, or go to <span class="rg rg--hospital"><span data-region="uk">A&amp;E (the emergency department)</span><span data-region="ireland">the emergency department</span><span data-region="us">the ER (emergency room)</span><span data-region="canada">the emergency department</span><span data-region="australia">the emergency department</span><span data-region="new-zealand">the emergency department</span></span> now.</p>
  <p>Read it online: {{ config.site_url }}</p>
</div>
