// The on-screen keyboard (Qt Virtual Keyboard, GPLv3, with Pinyin), docked at the bottom of the
// kiosk's own window. Python sets the properties below once before any field asks for
// the keyboard, and reads neededHeight and active to size the widget hosting it.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    readonly property real neededHeight: panel.keyboard.height + Math.max(
        panel.keyboard.wordCandidateView.height, shortcuts.visible ? shortcuts.height : 0)
    readonly property bool active: panel.active
    readonly property string userDataPath: VirtualKeyboardSettings.userDataPath
    property string styleName
    property var activeLocales
    property string startLocale
    // The keyboard's letters have @ only on its symbol page and no ".com": an e-mail field gets
    // a row of whole endings over its candidate bar (an e-mail has no candidates).
    property bool emailShortcuts: false
    property var shortcutTexts: ["@", ".com", "@qq.com", "@163.com", "@126.com", "@gmail.com"]
    signal shortcutTapped(string text)

    // The keyboard's height follows its width: on a wide landscape screen it would cover most
    // of the form, so it is no wider than a comfortable two-hand span, centred.
    property real maxKeyboardWidth: 1280

    InputPanel {
        id: panel
        objectName: "inputPanel"
        width: Math.min(root.width, root.maxKeyboardWidth)
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
    }
    Rectangle {
        id: shortcuts
        objectName: "emailShortcuts"
        z: 1
        visible: root.emailShortcuts && panel.active
        anchors.top: parent.top
        width: parent.width
        height: 96
        color: "#263238"
        Row {
            anchors.centerIn: parent
            spacing: 8
            Repeater {
                model: root.shortcutTexts
                delegate: Rectangle {
                    objectName: "shortcut"
                    property string text: modelData
                    width: Math.max(96, shortcutLabel.implicitWidth + 32)
                    height: 80
                    radius: 8
                    color: tap.pressed ? "#4f5b62" : "#000a12"
                    Text {
                        id: shortcutLabel
                        anchors.centerIn: parent
                        text: modelData
                        color: "#ffffff"
                        font.pixelSize: 30
                    }
                    MouseArea {
                        id: tap
                        anchors.fill: parent
                        onClicked: root.shortcutTapped(modelData)
                    }
                }
            }
        }
    }
    onStyleNameChanged: VirtualKeyboardSettings.styleName = styleName
    onActiveLocalesChanged: VirtualKeyboardSettings.activeLocales = activeLocales
    onStartLocaleChanged: VirtualKeyboardSettings.locale = startLocale
}
