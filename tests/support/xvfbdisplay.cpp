// SPDX-License-Identifier: GPL-3.0-or-later
#include "xvfbdisplay.h"

#include <QStandardPaths>

#include <cstdlib>
#include <functional>
#include <memory>
#include <xcb/xcb.h>

namespace TestSupport {

namespace {

struct FreeDeleter
{
    void operator()(void *p) const { std::free(p); }
};
template<typename T> using Reply = std::unique_ptr<T, FreeDeleter>;

xcb_window_t rootOf(xcb_connection_t *connection)
{
    return xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root;
}

xcb_atom_t atom(xcb_connection_t *connection, const char *name)
{
    const Reply<xcb_intern_atom_reply_t> reply(xcb_intern_atom_reply(
        connection, xcb_intern_atom(connection, 1, uint16_t(qstrlen(name)), name), nullptr));
    return reply ? reply->atom : xcb_atom_t(XCB_ATOM_NONE);
}

QByteArray property(xcb_connection_t *connection, xcb_window_t window, xcb_atom_t name,
                    xcb_atom_t type)
{
    const Reply<xcb_get_property_reply_t> reply(xcb_get_property_reply(
        connection, xcb_get_property(connection, 0, window, name, type, 0, 4096), nullptr));
    if (!reply)
        return {};
    return QByteArray(static_cast<const char *>(xcb_get_property_value(reply.get())),
                      xcb_get_property_value_length(reply.get()));
}

} // namespace

QString XvfbDisplay::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
}

XvfbDisplay::XvfbDisplay(QSize screen)
    : m_size(screen)
{
}

XvfbDisplay::~XvfbDisplay()
{
    if (m_connection)
        xcb_disconnect(m_connection);
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        if (!m_server.waitForFinished(10000))
            m_server.kill();
        m_server.waitForFinished(10000);
    }
}

bool XvfbDisplay::start(QString *error)
{
    // -displayfd: the server picks a free display and writes its number on
    // stdout once it accepts connections.
    m_server.setProcessChannelMode(QProcess::SeparateChannels);
    m_server.start(executable(),
                   {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                    QStringLiteral("0"),
                    QStringLiteral("%1x%2x24").arg(m_size.width()).arg(m_size.height()),
                    QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    if (!m_server.waitForStarted(10000)) {
        *error = QStringLiteral("Xvfb did not start: ") + m_server.errorString();
        return false;
    }
    QByteArray out;
    while (!out.contains('\n')) {
        if (!m_server.waitForReadyRead(30000)) {
            *error = QStringLiteral("Xvfb gave no display: ")
                + QString::fromLocal8Bit(m_server.readAllStandardError());
            return false;
        }
        out += m_server.readAllStandardOutput();
    }
    m_name = u':' + QString::fromLatin1(out.trimmed());
    m_connection = xcb_connect(m_name.toLatin1().constData(), nullptr);
    if (xcb_connection_has_error(m_connection)) {
        *error = QStringLiteral("cannot connect to Xvfb on ") + m_name;
        return false;
    }
    return true;
}

QList<XvfbDisplay::Window> XvfbDisplay::shownWindows(const QString &instance) const
{
    QList<Window> found;
    const xcb_window_t root = rootOf(m_connection);
    const xcb_atom_t netWmName = atom(m_connection, "_NET_WM_NAME");
    const xcb_atom_t utf8 = atom(m_connection, "UTF8_STRING");
    // A window manager may put the app's window into a frame of its own.
    std::function<void(xcb_window_t, int)> visit = [&](xcb_window_t parent, int depth) {
        const Reply<xcb_query_tree_reply_t> tree(
            xcb_query_tree_reply(m_connection, xcb_query_tree(m_connection, parent), nullptr));
        if (!tree)
            return;
        const xcb_window_t *children = xcb_query_tree_children(tree.get());
        for (int i = 0; i < xcb_query_tree_children_length(tree.get()); ++i) {
            const xcb_window_t window = children[i];
            const Reply<xcb_get_window_attributes_reply_t> attributes(
                xcb_get_window_attributes_reply(
                    m_connection, xcb_get_window_attributes(m_connection, window), nullptr));
            if (!attributes || attributes->map_state != XCB_MAP_STATE_VIEWABLE)
                continue;
            const QByteArray wmClass
                = property(m_connection, window, XCB_ATOM_WM_CLASS, XCB_ATOM_STRING);
            if (QString::fromLatin1(wmClass.left(wmClass.indexOf('\0'))) == instance) {
                const Reply<xcb_get_geometry_reply_t> geometry(xcb_get_geometry_reply(
                    m_connection, xcb_get_geometry(m_connection, window), nullptr));
                const Reply<xcb_translate_coordinates_reply_t> origin(
                    xcb_translate_coordinates_reply(
                        m_connection, xcb_translate_coordinates(m_connection, window, root, 0, 0),
                        nullptr));
                if (geometry && origin)
                    found.append(
                        {QRect(origin->dst_x, origin->dst_y, geometry->width, geometry->height),
                         QString::fromUtf8(property(m_connection, window, netWmName, utf8))});
            }
            if (depth < 3)
                visit(window, depth + 1);
        }
    };
    visit(root, 0);
    return found;
}

bool XvfbDisplay::windowManagerRunning() const
{
    const Reply<xcb_get_window_attributes_reply_t> attributes(xcb_get_window_attributes_reply(
        m_connection, xcb_get_window_attributes(m_connection, rootOf(m_connection)), nullptr));
    return attributes && (attributes->all_event_masks & XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT);
}

QImage XvfbDisplay::grabScreen() const
{
    const xcb_setup_t *setup = xcb_get_setup(m_connection);
    const Reply<xcb_get_image_reply_t> reply(xcb_get_image_reply(
        m_connection,
        xcb_get_image(m_connection, XCB_IMAGE_FORMAT_Z_PIXMAP, rootOf(m_connection), 0, 0,
                      uint16_t(m_size.width()), uint16_t(m_size.height()), ~0u),
        nullptr));
    // The server was started with 24-bit colour: 32 bits a pixel, xRGB.
    if (!reply || reply->depth != 24 || setup->image_byte_order != XCB_IMAGE_ORDER_LSB_FIRST
        || xcb_get_image_data_length(reply.get()) < m_size.width() * m_size.height() * 4)
        return {};
    return QImage(xcb_get_image_data(reply.get()), m_size.width(), m_size.height(),
                  m_size.width() * 4, QImage::Format_RGB32)
        .copy();
}

} // namespace TestSupport
