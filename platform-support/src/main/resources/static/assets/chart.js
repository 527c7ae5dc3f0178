/*
 * Hinge progression charts: renders every element with a data-chart attribute (the JSON of a ProgressChart, put
 * there escaped by the chart :: chart(chart) fragment) with ECharts, on load, on every htmx swap, and again when the
 * window is resized. No inline script: the page's CSP allows scripts from 'self' only.
 */
(function () {
    'use strict';
    if (window.HingeChart) {
        return;
    }

    var NARROW = 520;
    var NOT_REPORTED = '#9e9e9e';
    var REFERENCE = '#4a4a4a';
    var DELOAD = '#1f5fbf';
    var CUE = '#7b3fa0';
    var BEST = '#00897b';

    /** Pain 0 green, about 5 orange, 10 red (hue 120 down to 0, faster at first); not reported grey. */
    function painColor(pain) {
        if (pain === null || pain === undefined) {
            return NOT_REPORTED;
        }
        var t = Math.max(0, Math.min(10, pain)) / 10;
        return 'hsl(' + Math.round(120 * Math.pow(1 - t, 1.5)) + ', 80%, ' + (t === 0 ? 38 : 46) + '%)';
    }

    function escape(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
        });
    }

    function time(iso) {
        return new Date(iso).getTime();
    }

    function day(ms) {
        return new Date(ms).toISOString().slice(0, 10);
    }

    function shorten(text, max) {
        return text.length > max ? text.slice(0, max - 1) + '\u2026' : text;
    }

    /**
     * Vertical markers close together (less than 22 px apart on the plot) would write over each other: the first of
     * such a run carries one label for all of them ("scale to 50% + 3 cues"); every marker keeps its own line.
     */
    function markerLabels(markers, near, narrow) {
        var labels = [];
        var i = 0;
        while (i < markers.length) {
            var j = i;
            while (j + 1 < markers.length && time(markers[j + 1].at) - time(markers[i].at) <= near) {
                j++;
            }
            var run = markers.slice(i, j + 1);
            var deloads = run.filter(function (m) { return m.kind === 'deload'; }).map(function (m) { return m.label; });
            var cues = run.filter(function (m) { return m.kind === 'cue'; });
            var parts = deloads.slice();
            if (cues.length === 1) {
                parts.push('\u201c' + shorten(cues[0].label, narrow ? 16 : 28) + '\u201d');
            } else if (cues.length > 1) {
                parts.push(cues.length + ' cues');
            }
            labels.push(parts.join(' + '));
            for (var k = i + 1; k <= j; k++) {
                labels.push(null);
            }
            i = j + 1;
        }
        return labels;
    }

    function option(chart, width) {
        var narrow = width < NARROW;
        var unit = chart.unit || '';
        var points = chart.points || [];
        var markers = chart.markers || [];
        var times = points.map(function (p) { return time(p.at); })
            .concat(markers.map(function (m) { return time(m.at); }));
        var loads = points.map(function (p) { return Number(p.load); });
        [chart.referenceMax, chart.deloadLevel].forEach(function (v) {
            if (v !== null && v !== undefined) {
                loads.push(Number(v));
            }
        });
        var now = Date.now();
        var minT = times.length ? Math.min.apply(null, times) : now - 7 * 864e5;
        var maxT = times.length ? Math.max.apply(null, times) : now;
        var pad = Math.max((maxT - minT) * 0.04, 864e5);
        var span = maxT - minT + 2 * pad;
        var minY = loads.length ? Math.min.apply(null, loads) : 0;
        var maxY = loads.length ? Math.max.apply(null, loads) : 100;
        var range = Math.max(maxY - minY, 10);
        // an interval the axis bounds are multiples of: no label crowds the first or the last
        var step = range > 300 ? 100 : range > 120 ? 50 : range > 50 ? 20 : range > 20 ? 10 : 5;
        var low = Math.max(0, Math.floor((minY - range * 0.1) / step) * step);
        var high = Math.ceil((maxY + range * 0.08) / step) * step;
        var fontSize = narrow ? 10 : 12;

        var sets = points.map(function (p) {
            return {
                value: [time(p.at), Number(p.load), p.pain],
                point: p,
                symbol: p.redFlag ? 'triangle' : 'circle',
                symbolSize: p.redFlag ? (narrow ? 16 : 20) : (narrow ? 10 : 13),
                itemStyle: {
                    color: painColor(p.pain),
                    borderColor: p.redFlag ? '#000' : '#fff',
                    borderWidth: p.redFlag ? 2 : 1
                },
                label: p.redFlag ? {show: true, formatter: 'red flag', position: 'top', color: '#8b0000',
                    fontWeight: 'bold', fontSize: fontSize} : {show: false}
            };
        });

        var lines = [];
        if (chart.referenceMax !== null && chart.referenceMax !== undefined) {
            lines.push({
                name: 'Reference max', yAxis: Number(chart.referenceMax),
                lineStyle: {color: REFERENCE, type: 'dashed', width: 2},
                label: {formatter: (narrow ? 'max ' : 'reference max ') + chart.referenceMax + ' ' + unit,
                    position: 'insideEndTop', color: REFERENCE, fontSize: fontSize}
            });
        }
        if (chart.deloadLevel !== null && chart.deloadLevel !== undefined) {
            lines.push({
                name: 'Deload level', yAxis: Number(chart.deloadLevel),
                lineStyle: {color: DELOAD, type: 'dashed', width: 2},
                label: {formatter: (narrow ? 'deload ' : 'deload level ') + chart.deloadLevel + ' ' + unit,
                    position: 'insideEndBottom', color: DELOAD, fontSize: fontSize}
            });
        }
        var plotWidth = Math.max(100, width - (narrow ? 56 : 84));
        var labels = markerLabels(markers, span * 22 / plotWidth, narrow);
        markers.forEach(function (m, i) {
            var color = m.kind === 'deload' ? DELOAD : CUE;
            lines.push({
                name: (m.kind === 'deload' ? 'Deload: ' : 'Cue: ') + m.label, xAxis: time(m.at),
                lineStyle: {color: color, type: m.kind === 'deload' ? 'solid' : 'dotted', width: m.kind === 'deload' ? 2 : 1.5},
                label: labels[i] === null ? {show: false}
                    : {show: true, formatter: labels[i], position: 'insideEndTop', color: color, fontSize: fontSize}
            });
        });

        var best = [];
        (chart.painFreeBest || []).forEach(function (s) {
            best.push([time(s.at), s.load === null ? '-' : Number(s.load)]);
        });

        return {
            animation: false,
            grid: {left: narrow ? 44 : 60, right: narrow ? 12 : 24, top: narrow ? 34 : 40, bottom: narrow ? 56 : 60,
                containLabel: false},
            legend: {
                bottom: 0, itemGap: narrow ? 8 : 16, textStyle: {fontSize: fontSize},
                data: ['Sets', 'Pain-free best']
            },
            tooltip: {
                trigger: 'item', confine: true,
                formatter: function (params) {
                    if (params.componentType === 'markLine') {
                        return escape(params.name);
                    }
                    if (params.seriesName === 'Pain-free best') {
                        return 'Pain-free best ' + escape(params.value[1]) + ' ' + escape(unit) + '<br>from '
                            + escape(day(params.value[0]));
                    }
                    var p = params.data.point;
                    var pain = p.pain === null ? 'not reported'
                        : p.pain + (p.painQuality && p.painQuality !== 'none' ? ' (' + p.painQuality + ')' : '');
                    return escape(day(time(p.at))) + '<br>' + escape(p.load) + ' ' + escape(unit) + ' \u00d7 '
                        + escape(p.reps) + '<br>pain ' + escape(pain) + (p.redFlag ? '<br><b>red flag</b>' : '');
                }
            },
            xAxis: {
                type: 'time', min: minT - pad, max: maxT + pad,
                axisLabel: {fontSize: fontSize, hideOverlap: true, formatter: {year: '{yyyy}', month: '{MMM}',
                    day: '{MMM} {d}', hour: '{MMM} {d}', minute: '{MMM} {d}', second: '{MMM} {d}'}},
                splitLine: {show: false}
            },
            yAxis: {
                type: 'value', name: unit, nameTextStyle: {fontSize: fontSize},
                min: low, max: high, interval: step,
                axisLabel: {fontSize: fontSize}
            },
            series: [
                {
                    name: 'Sets', type: 'scatter', data: sets, z: 3,
                    itemStyle: {color: painColor(0)},
                    markLine: {symbol: ['none', 'none'], silent: false, animation: false, data: lines}
                },
                {
                    name: 'Pain-free best', type: 'line', step: 'end', data: best, showSymbol: false,
                    connectNulls: false, z: 2, color: BEST,
                    lineStyle: {color: BEST, width: 2.5}
                }
            ]
        };
    }

    function render(el) {
        if (!window.echarts) {
            return;
        }
        var chart;
        try {
            chart = JSON.parse(el.getAttribute('data-chart'));
        } catch (e) {
            return;
        }
        var instance = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, {renderer: 'canvas'});
        el.setAttribute('data-chart-narrow', String(el.clientWidth < NARROW));
        instance.setOption(option(chart, el.clientWidth), true);
    }

    function renderAll(root) {
        if (!root || !root.querySelectorAll) {
            return;
        }
        if (root.hasAttribute && root.hasAttribute('data-chart')) {
            render(root);
        }
        Array.prototype.forEach.call(root.querySelectorAll('[data-chart]'), render);
    }

    function dispose(root) {
        if (!window.echarts || !root || !root.querySelectorAll) {
            return;
        }
        var all = Array.prototype.slice.call(root.querySelectorAll('[data-chart]'));
        if (root.hasAttribute && root.hasAttribute('data-chart')) {
            all.push(root);
        }
        all.forEach(function (el) {
            var instance = window.echarts.getInstanceByDom(el);
            if (instance) {
                instance.dispose();
            }
        });
    }

    // drawn again at once (not after a pause): a screenshot or a rotation right after the resize sees the new chart
    window.addEventListener('resize', function () {
        Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
            var instance = window.echarts && window.echarts.getInstanceByDom(el);
            if (instance) {
                instance.resize();
            }
            render(el);
        });
    });

    document.addEventListener('htmx:load', function (event) {
        renderAll(event.detail && event.detail.elt);
    });
    document.addEventListener('htmx:beforeCleanupElement', function (event) {
        dispose(event.detail && event.detail.elt);
    });

    function start() {
        renderAll(document);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }

    window.HingeChart = {render: render, renderAll: renderAll, option: option, painColor: painColor};
}());
