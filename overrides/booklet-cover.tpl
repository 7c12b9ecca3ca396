{#- Cover of the printed booklet (mkdocs-print-site-plugin). -#}
<div class="booklet-cover">
  <h1>{{ config.site_name }}</h1>
  <p class="booklet-cover__subtitle">Lower back pain from running: a booklet for runners, clubs and clinics</p>
  <p>{{ config.site_description }}</p>
  <p><strong>Not a diagnosis.</strong> If you have numbness in both legs or around your bottom, or new
  trouble peeing or pooing, call 999 or your local emergency number, or go to A&amp;E now.</p>
  <p>Read it online: {{ config.site_url }}</p>
</div>
