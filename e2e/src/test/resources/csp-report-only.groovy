/*
 * Init script of the browser tests' controller (e2e/, BrowserE2ETest): serves every page with a
 * Content-Security-Policy-Report-Only header that forbids inline script and style, reporting violations to
 * the URL in the system property e2e.cspReportUri (a collector in the test JVM). Jenkins 2.479 has no CSP
 * setting of its own; a servlet filter added here is the smallest way to get the header on every page.
 * Report-only: nothing is blocked, the browser only reports what a strict policy would block.
 */
import hudson.util.PluginServletFilter
import jakarta.servlet.Filter
import jakarta.servlet.FilterChain
import jakarta.servlet.FilterConfig
import jakarta.servlet.ServletRequest
import jakarta.servlet.ServletResponse
import jakarta.servlet.http.HttpServletResponse

String reportUri = System.getProperty('e2e.cspReportUri')
if (reportUri) {
    String policy = "default-src 'self'; script-src 'self' 'report-sample'; style-src 'self' 'report-sample'; " +
            "img-src 'self' data:; report-uri " + reportUri
    PluginServletFilter.addFilter(new Filter() {
        void init(FilterConfig config) {}

        void destroy() {}

        void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) {
            ((HttpServletResponse) response).setHeader('Content-Security-Policy-Report-Only', policy)
            chain.doFilter(request, response)
        }
    })
    println "e2e: Content-Security-Policy-Report-Only on every page, reports to ${reportUri}"
}
