"""Where a visitor lives, as the lead form offers it: data, not code.

The 31 Mainland provincial-level divisions carry their ISO 3166-2:CN codes, in the national
(GB/T 2260) order; Hong Kong, Macao and Taiwan follow, then everywhere else. Traditional Chinese
names are written by hand (Hong Kong usage) so the list does not depend on OpenCC at run time.
"""

from __future__ import annotations

from kiosk.l10n import L10n

OVERSEAS = "overseas"

REGIONS: dict[str, L10n] = {
    "CN-BJ": L10n("北京市", "北京市", "Beijing"),
    "CN-TJ": L10n("天津市", "天津市", "Tianjin"),
    "CN-HE": L10n("河北省", "河北省", "Hebei"),
    "CN-SX": L10n("山西省", "山西省", "Shanxi"),
    "CN-NM": L10n("内蒙古自治区", "內蒙古自治區", "Inner Mongolia"),
    "CN-LN": L10n("辽宁省", "遼寧省", "Liaoning"),
    "CN-JL": L10n("吉林省", "吉林省", "Jilin"),
    "CN-HL": L10n("黑龙江省", "黑龍江省", "Heilongjiang"),
    "CN-SH": L10n("上海市", "上海市", "Shanghai"),
    "CN-JS": L10n("江苏省", "江蘇省", "Jiangsu"),
    "CN-ZJ": L10n("浙江省", "浙江省", "Zhejiang"),
    "CN-AH": L10n("安徽省", "安徽省", "Anhui"),
    "CN-FJ": L10n("福建省", "福建省", "Fujian"),
    "CN-JX": L10n("江西省", "江西省", "Jiangxi"),
    "CN-SD": L10n("山东省", "山東省", "Shandong"),
    "CN-HA": L10n("河南省", "河南省", "Henan"),
    "CN-HB": L10n("湖北省", "湖北省", "Hubei"),
    "CN-HN": L10n("湖南省", "湖南省", "Hunan"),
    "CN-GD": L10n("广东省", "廣東省", "Guangdong"),
    "CN-GX": L10n("广西壮族自治区", "廣西壯族自治區", "Guangxi"),
    "CN-HI": L10n("海南省", "海南省", "Hainan"),
    "CN-CQ": L10n("重庆市", "重慶市", "Chongqing"),
    "CN-SC": L10n("四川省", "四川省", "Sichuan"),
    "CN-GZ": L10n("贵州省", "貴州省", "Guizhou"),
    "CN-YN": L10n("云南省", "雲南省", "Yunnan"),
    "CN-XZ": L10n("西藏自治区", "西藏自治區", "Xizang"),
    "CN-SN": L10n("陕西省", "陝西省", "Shaanxi"),
    "CN-GS": L10n("甘肃省", "甘肅省", "Gansu"),
    "CN-QH": L10n("青海省", "青海省", "Qinghai"),
    "CN-NX": L10n("宁夏回族自治区", "寧夏回族自治區", "Ningxia"),
    "CN-XJ": L10n("新疆维吾尔自治区", "新疆維吾爾自治區", "Xinjiang"),
    "HK": L10n("香港", "香港", "Hong Kong"),
    "MO": L10n("澳门", "澳門", "Macao"),
    "TW": L10n("台湾", "台灣", "Taiwan"),
    OVERSEAS: L10n("海外", "海外", "Overseas"),
}
