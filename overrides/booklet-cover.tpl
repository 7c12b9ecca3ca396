{#- Cover of the printed booklet (mkdocs-print-site-plugin). -#}
<div class="booklet-cover">
  <h1>{{ config.site_name }}</h1>
  <p class="booklet-cover__subtitle">Lower back pain from running: a booklet for runners, clubs and clinics</p>
  <p>{{ config.site_description }}</p>
  {# The emergency heading is data/care_levels.yml's, as in the bar on every page. -#}
  <p><strong>Not a diagnosis.</strong> Numb in both legs or around your bottom, or new trouble peeing
  or pooing? {{ config.extra.safety_banner.heading }}.</p>
  <p>Read it online: {{ config.site_url }}</p>
</div>
